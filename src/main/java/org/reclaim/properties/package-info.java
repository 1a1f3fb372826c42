/** Properties: UPRN and address; Council Tax band; Business Rates rateable value; rent for council dwellings. */
@org.jspecify.annotations.NullMarked
package org.reclaim.properties;
