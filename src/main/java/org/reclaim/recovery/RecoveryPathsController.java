package org.reclaim.recovery;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.RevenueStream;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An authority's recovery path for a stream: staff read it, an administrator changes it (SecurityConfig). */
@RestController
@RequestMapping("/api/v1/recovery/paths/{authority}/{stream}")
class RecoveryPathsController {

    record StageInput(@NotBlank String code, @NotNull Integer waitDays, @Nullable Long costsPence, @NotNull Boolean needsAuthorisation,
                      @NotNull Boolean inUse, @NotBlank String document, @Nullable Long minimumPence) {
    }

    record PathInput(@NotNull Integer graceDays, @Nullable String costsIfPaidBeforeHearing, @NotEmpty List<@Valid StageInput> stages,
                     @NotBlank String reason) {
    }

    record StageView(String code, int waitDays, @Nullable Long costsPence, boolean needsAuthorisation, boolean inUse, String document,
                     @Nullable Long minimumPence) {
    }

    record PathView(String authority, String stream, int version, int graceDays, String costsIfPaidBeforeHearing, List<StageView> stages,
                    String reason, OffsetDateTime changedAt, String changedBy, List<RecoveryPaths.Change> history) {
    }

    private final RecoveryPaths paths;
    private final Authorities authorities;

    RecoveryPathsController(RecoveryPaths paths, Authorities authorities) {
        this.paths = paths;
        this.authorities = authorities;
    }

    @GetMapping
    PathView get(@PathVariable String authority, @PathVariable String stream) {
        BillingAuthority council = authorities.byGssCode(authority);
        RevenueStream s = stream(stream);
        return view(council, paths.current(council.id(), s));
    }

    @PutMapping
    PathView change(@PathVariable String authority, @PathVariable String stream, @Valid @RequestBody PathInput input) {
        BillingAuthority council = authorities.byGssCode(authority);
        RevenueStream s = stream(stream);
        List<RecoveryPath.Stage> stages = new ArrayList<>();
        for (int i = 0; i < input.stages().size(); i++) {
            StageInput in = input.stages().get(i);
            stages.add(new RecoveryPath.Stage(StageCode.fromRequest(in.code(), "stages[" + i + "].code"), in.waitDays(),
                    in.costsPence() == null ? null : Money.ofPence(in.costsPence()), in.needsAuthorisation(), in.inUse(), in.document(),
                    in.minimumPence() == null ? null : Money.ofPence(in.minimumPence())));
        }
        RecoveryPath.CostsPolicy policy;
        try {
            policy = RecoveryPath.CostsPolicy.valueOf(input.costsIfPaidBeforeHearing() == null ? "STAND" : input.costsIfPaidBeforeHearing());
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("costsIfPaidBeforeHearing", "must be STAND or WITHDRAW");
        }
        return view(council, paths.change(council.id(), s, input.graceDays(), policy, stages, input.reason()));
    }

    private static RevenueStream stream(String stream) {
        try {
            return RevenueStream.valueOf(stream);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("stream", "must be COUNCIL_TAX or BUSINESS_RATES");
        }
    }

    private PathView view(BillingAuthority council, RecoveryPath p) {
        return new PathView(council.gssCode(), p.stream().name(), p.version(), p.graceDays(), p.costsIfPaidBeforeHearing().name(),
                p.stages().stream().map(s -> new StageView(s.code().name(), s.waitDays(), s.costs() == null ? null : s.costs().pence(),
                        s.needsAuthorisation(), s.inUse(), s.document(), s.minimum() == null ? null : s.minimum().pence())).toList(),
                p.reason(), p.changedAt(), p.changedBy(), paths.history(council.id(), p.stream()));
    }
}
