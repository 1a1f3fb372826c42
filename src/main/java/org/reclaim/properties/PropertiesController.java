package org.reclaim.properties;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.reclaim.authorities.Authorities;
import org.reclaim.shared.AccessAudit;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/properties")
class PropertiesController {

    private final Properties properties;
    private final Authorities authorities;
    private final AccessAudit audit;

    PropertiesController(Properties properties, Authorities authorities, AccessAudit audit) {
        this.properties = properties;
        this.authorities = authorities;
        this.audit = audit;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Property create(@Valid @RequestBody NewProperty request) {
        return properties.create(authorities.named(request.authorityCode(), "authorityCode").id(), request);
    }

    /** {@code parish}: the name of a parish area of the property's authority, or null for the unparished area. */
    record ParishInput(@Nullable @Size(max = 100) String parish) {
    }

    /** Puts a dwelling in a parish area (or, with null, the unparished area): a team leader or an administrator. */
    @PutMapping("/{id}/parish")
    Property moveToParish(@PathVariable long id, @Valid @RequestBody ParishInput input) {
        return properties.moveToParish(id, input.parish());
    }

    @GetMapping("/{id}")
    Property get(@PathVariable long id) {
        Property p = properties.get(id);
        audit.record(p.authorityId(), AccessAudit.Action.READ, AccessAudit.Subject.PROPERTY, id, "GET /api/v1/properties/" + id);
        return p;
    }
}
