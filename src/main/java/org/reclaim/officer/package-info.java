/**
 * The officer's workspace: server-rendered GOV.UK-styled pages (Thymeleaf) for search, the customer and account views,
 * the actions an officer takes, worklists, runs and the dashboard. Pages call the other modules' facades; nothing
 * depends on this module.
 */
@org.jspecify.annotations.NullMarked
package org.reclaim.officer;
