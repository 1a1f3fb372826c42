package org.reclaim.authorities;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/authorities")
class AuthoritiesController {

    record AuthorityView(String gssCode, String name, AuthorityKind kind, int referencePrefix, List<PreceptingBody> preceptingBodies) {
    }

    private final Authorities authorities;

    AuthoritiesController(Authorities authorities) {
        this.authorities = authorities;
    }

    @GetMapping
    List<AuthorityView> all() {
        return authorities.all().stream().map(this::view).toList();
    }

    @GetMapping("/{code}")
    AuthorityView one(@PathVariable String code) {
        return view(authorities.byGssCode(code));
    }

    private AuthorityView view(BillingAuthority a) {
        return new AuthorityView(a.gssCode(), a.name(), a.kind(), a.referencePrefix(), authorities.preceptingBodies(a.id()));
    }
}
