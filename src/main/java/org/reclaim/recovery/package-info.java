/**
 * The recovery engine: paths, runs, holds, court, remedies and their calculators. So far only the calculators
 * ({@link org.reclaim.recovery.calculators}): the Council Tax attachment of earnings tables, enforcement agents'
 * fees, deductions from benefits and the thresholds of the remedies after a liability order, each read from data
 * that names its source.
 */
@org.jspecify.annotations.NullMarked
package org.reclaim.recovery;
