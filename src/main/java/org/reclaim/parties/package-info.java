/** People and organisations who owe money, their contact points and the flags that stop recovery. */
@org.jspecify.annotations.NullMarked
package org.reclaim.parties;
