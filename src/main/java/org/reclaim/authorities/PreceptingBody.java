package org.reclaim.authorities;

public record PreceptingBody(int id, String name, PreceptorKind kind) {
}
