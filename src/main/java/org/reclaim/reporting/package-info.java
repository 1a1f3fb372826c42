/** Reports across modules: the collection fund, and (later) service standards and performance figures. */
@org.jspecify.annotations.NullMarked
package org.reclaim.reporting;
