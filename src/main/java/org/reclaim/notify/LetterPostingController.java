package org.reclaim.notify;

import java.time.LocalDate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The step that posts the day's letters through GOV.UK Notify, before the bulk print run (roles in SecurityConfig). */
@RestController
class LetterPostingController {

    private final LetterPosting posting;

    LetterPostingController(LetterPosting posting) {
        this.posting = posting;
    }

    @PostMapping("/api/v1/notify/letters")
    LetterPosting.Result post(@RequestParam LocalDate date) {
        return posting.post(date);
    }
}
