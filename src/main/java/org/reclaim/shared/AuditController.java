package org.reclaim.shared;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The access audit, for auditors: who read or changed a party, property or account. */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private final AccessAudit audit;

    AuditController(AccessAudit audit) {
        this.audit = audit;
    }

    @GetMapping
    List<AccessAudit.Entry> find(@RequestParam(required = false) AccessAudit.@Nullable Subject subjectType,
                                 @RequestParam(required = false) @Nullable String subjectId,
                                 @RequestParam(required = false) @Nullable String username,
                                 @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw InvalidInput.of("limit", "must be between 1 and 1000");
        }
        return audit.find(subjectType, subjectId, username, limit);
    }
}
