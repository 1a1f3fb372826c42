package org.reclaim.properties;

import jakarta.validation.Valid;
import org.reclaim.authorities.Authorities;
import org.reclaim.shared.AccessAudit;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

    @GetMapping("/{id}")
    Property get(@PathVariable long id) {
        Property p = properties.get(id);
        audit.record(p.authorityId(), AccessAudit.Action.READ, AccessAudit.Subject.PROPERTY, id, "GET /api/v1/properties/" + id);
        return p;
    }
}
