/**
 * The recovery engine: paths, runs, holds, court, remedies and their calculators
 */
@org.jspecify.annotations.NullMarked
package org.reclaim.recovery;
