package org.reclaim.worklists;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.Accounts;
import org.reclaim.authorities.Authorities;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The worklists and their tasks (SecurityConfig: the collections team reads and works them, auditors read them; a team
 * leader assigns tasks).
 */
@RestController
class WorklistsController {

    record Counts(String authority, Map<Worklist, Long> counts) {
    }

    record NewTask(@NotBlank(message = "is required: the account the task is about") String accountReference,
                   @NotBlank(message = "is required: a code in capitals, e.g. CALL_BACK") String kind,
                   @NotBlank(message = "is required: say what is to be done and why") String reason,
                   @NotNull(message = "is required: the day it is to be done by, like 2026-04-01") LocalDate dueOn) {
    }

    record Assignment(@NotBlank(message = "is required: the officer or team leader to give the task to") String username) {
    }

    record Completion(@NotBlank(message = "is required: say what was done") String outcome) {
    }

    private final Worklists worklists;
    private final Tasks tasks;
    private final Accounts accounts;
    private final Authorities authorities;

    WorklistsController(Worklists worklists, Tasks tasks, Accounts accounts, Authorities authorities) {
        this.worklists = worklists;
        this.tasks = tasks;
        this.accounts = accounts;
        this.authorities = authorities;
    }

    @GetMapping("/api/v1/worklists")
    Counts counts(@RequestParam String authority) {
        return new Counts(authority, worklists.counts(authorities.named(authority, "authority")));
    }

    @GetMapping("/api/v1/worklists/{worklist}")
    List<WorklistItem> items(@PathVariable String worklist, @RequestParam String authority,
                             @RequestParam(required = false) @Nullable String assignedTo,
                             @RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        Worklist list = Worklist.fromRequest(worklist);
        if (limit < 1 || limit > 500) {
            throw InvalidInput.of("limit", "must be from 1 to 500");
        }
        if (offset < 0) {
            throw InvalidInput.of("offset", "must be 0 or more");
        }
        String who = assignedTo == null || assignedTo.isBlank() ? null
                : "me".equals(assignedTo) ? AccessAudit.currentUser() : assignedTo.trim();
        return worklists.items(list, authorities.named(authority, "authority"), who, limit, offset);
    }

    /**
     * An officer raises a task. With an {@code Idempotency-Key} header a repeat returns the first task (200); without one,
     * the same task (account, kind, due date and reason) raised again by the same user is the same task.
     */
    @PostMapping("/api/v1/worklists/tasks")
    ResponseEntity<Task> raise(@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
                               @Valid @RequestBody NewTask r) {
        org.reclaim.shared.IdempotencyKey.check(idempotencyKey);
        AccountReference reference = accountReference(r.accountReference());
        var account = accounts.find(reference)
                .orElseThrow(() -> InvalidInput.of("accountReference", "there is no account with reference " + reference));
        String key = idempotencyKey != null ? "request:" + idempotencyKey
                : "officer:" + AccessAudit.currentUser() + ":" + account.reference() + ":" + r.kind() + ":" + r.dueOn() + ":" + digest(r.reason());
        Tasks.Raised raised = tasks.raise(account, r.kind(), r.reason(), r.dueOn(), key, false);
        return ResponseEntity.status(raised.repeated() ? HttpStatus.OK : HttpStatus.CREATED).body(raised.task());
    }

    @GetMapping("/api/v1/worklists/tasks/{id}")
    Task task(@PathVariable long id) {
        return tasks.read(id);
    }

    @PostMapping("/api/v1/worklists/tasks/{id}/assign")
    Task assign(@PathVariable long id, @Valid @RequestBody Assignment a) {
        return tasks.assign(id, a.username().trim());
    }

    @PostMapping("/api/v1/worklists/tasks/{id}/claim")
    Task claim(@PathVariable long id) {
        return tasks.claim(id);
    }

    @PostMapping("/api/v1/worklists/tasks/{id}/complete")
    Task complete(@PathVariable long id, @Valid @RequestBody Completion c) {
        return tasks.complete(id, c.outcome());
    }

    private static AccountReference accountReference(String text) {
        try {
            return AccountReference.parse(text);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("accountReference", e.getMessage());
        }
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.strip().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
