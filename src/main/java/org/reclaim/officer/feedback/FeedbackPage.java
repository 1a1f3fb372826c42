package org.reclaim.officer.feedback;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.reclaim.authorities.Authorities;
import org.reclaim.contactcentre.Feedback;
import org.reclaim.officer.FormErrors;
import org.reclaim.officer.actions.Option;
import org.reclaim.shared.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer satisfaction survey behind the link sent by email or text message or shown after an online transaction: a
 * public page (no sign-in; SecurityConfig.pages), answered once per link.
 */
@Controller
class FeedbackPage {

    /** The form as posted: the satisfaction radio's value (1 to 5) and the "what could we do better" text. */
    public record SurveyForm(@Nullable String satisfaction, @Nullable String doBetter) {
    }

    static final List<Option> SATISFACTION = List.of(new Option("5", "Very satisfied", null), new Option("4", "Satisfied", null),
            new Option("3", "Neither satisfied nor dissatisfied", null), new Option("2", "Dissatisfied", null),
            new Option("1", "Very dissatisfied", null));

    private final Feedback feedback;
    private final Authorities authorities;

    FeedbackPage(Feedback feedback, Authorities authorities) {
        this.feedback = feedback;
        this.authorities = authorities;
    }

    @GetMapping("/feedback/{token}")
    String survey(@PathVariable String token, Model model) {
        Feedback.Survey survey = feedback.survey(token);
        if (survey.answered()) {
            return done(model, survey, model.containsAttribute("thanked"));
        }
        return show(model, token, survey, new SurveyForm(null, null), FormErrors.none());
    }

    @PostMapping("/feedback/{token}")
    String answer(@PathVariable String token, @ModelAttribute SurveyForm form, Model model, RedirectAttributes redirect) {
        Feedback.Survey survey = feedback.survey(token);
        Integer satisfaction = form.satisfaction() != null && form.satisfaction().matches("[1-5]") ? Integer.valueOf(form.satisfaction()) : null;
        try {
            feedback.answer(token, satisfaction, form.doBetter());
        } catch (InvalidInput e) {
            return show(model, token, survey, form, FormErrors.of(e, Map.of(), "satisfaction"));
        }
        redirect.addFlashAttribute("thanked", true);
        return "redirect:/feedback/" + token;
    }

    private String show(Model model, String token, Feedback.Survey survey, SurveyForm form, FormErrors errors) {
        model.addAttribute("token", token);
        model.addAttribute("authorityName", authorities.byId(survey.authorityId()).name());
        model.addAttribute("sentBy", sentBy(survey.channel()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("options", SATISFACTION);
        model.addAttribute("doBetterMax", 2000);
        return "officer/feedback/survey";
    }

    private String done(Model model, Feedback.Survey survey, boolean justAnswered) {
        model.addAttribute("authorityName", authorities.byId(survey.authorityId()).name());
        model.addAttribute("justAnswered", justAnswered);
        return "officer/feedback/done";
    }

    private static String sentBy(Feedback.Channel channel) {
        return switch (channel) {
            case EMAIL -> "We sent you this survey by email.";
            case SMS -> "We sent you this survey by text message.";
            case WEB -> "We asked you this after you used our website.";
        };
    }
}
