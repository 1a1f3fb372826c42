package org.reclaim.shared;

/**
 * Whether Reclaim started its own embedded PostgreSQL (no {@code spring.datasource.url} was given) or uses a
 * council's PostgreSQL. Demo users and, by default, demo data exist only with the embedded database.
 */
public record DatabaseMode(boolean embedded) {
}
