/**
 * Who may do what: staff users and their roles (OFFICER, TEAM_LEADER, AUDITOR, ADMIN), sign-in for pages and API,
 * and the role matrix for every endpoint.
 */
@org.jspecify.annotations.NullMarked
package org.reclaim.security;
