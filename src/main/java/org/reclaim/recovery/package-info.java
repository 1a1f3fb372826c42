/**
 * The recovery engine: paths, runs, holds, court, remedies and their calculators. Recovery paths are data per
 * authority and stream; the daily run finds missed instalments, proposes and issues each path's next stage once,
 * and passes over accounts on hold. The calculators ({@link org.reclaim.recovery.calculators}) hold the Council Tax
 * attachment of earnings tables, enforcement agents' fees, deductions from benefits and the thresholds of the
 * remedies after a liability order, each read from data that names its source.
 */
@org.jspecify.annotations.NullMarked
package org.reclaim.recovery;
