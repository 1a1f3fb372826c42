package org.reclaim.support;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.BillingAuthority;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An authority's advice partners: anyone signed in reads the directory, an administrator edits it (SecurityConfig). */
@RestController
@RequestMapping("/api/v1/authorities/{code}/advice-partners")
class AdvicePartnersController {

    record PartnerInput(@NotBlank(message = "is required: the organisation's name") @Size(max = 200) String name,
                        @NotBlank(message = "is required: one of DEBT_ADVICE, WELFARE_RIGHTS, DIGITAL_INCLUSION, DROP_IN, OTHER") String kind,
                        @Nullable @Size(max = 300) String contact, @Nullable @Size(max = 300) String website,
                        @Nullable @Size(max = 1000) String notes, @Nullable Boolean active) {

        AdvicePartner.Details details() {
            return new AdvicePartner.Details(name, Requests.partnerKind(kind, "kind"), contact, website, notes, !Boolean.FALSE.equals(active));
        }
    }

    private final Authorities authorities;
    private final AdvicePartners partners;

    AdvicePartnersController(Authorities authorities, AdvicePartners partners) {
        this.authorities = authorities;
        this.partners = partners;
    }

    @GetMapping
    List<AdvicePartner> list(@PathVariable String code, @RequestParam(defaultValue = "false") boolean withInactive) {
        return partners.of(authorities.byGssCode(code).id(), withInactive);
    }

    @GetMapping("/{id}")
    AdvicePartner get(@PathVariable String code, @PathVariable long id) {
        return partners.get(authorities.byGssCode(code).id(), id);
    }

    @PostMapping
    ResponseEntity<AdvicePartner> add(@PathVariable String code, @Valid @RequestBody PartnerInput input) {
        BillingAuthority authority = authorities.byGssCode(code);
        AdvicePartners.Added added = partners.add(authority.id(), input.details());
        return ResponseEntity.status(added.repeated() ? HttpStatus.OK : HttpStatus.CREATED).body(added.partner());
    }

    @PutMapping("/{id}")
    AdvicePartner change(@PathVariable String code, @PathVariable long id, @Valid @RequestBody PartnerInput input) {
        return partners.change(authorities.byGssCode(code).id(), id, input.details());
    }
}
