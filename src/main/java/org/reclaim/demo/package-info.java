/**
 * The synthetic demo borough: the two councils of the source documents with generated (never real) residents,
 * businesses and tenancies, loaded on first start of the embedded database and by the seed benchmark.
 */
@org.jspecify.annotations.NullMarked
package org.reclaim.demo;
