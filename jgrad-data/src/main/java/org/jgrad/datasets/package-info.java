/**
 * The small classic data sets bundled with jgrad ({@link org.jgrad.datasets.DataSets}): iris,
 * breast cancer, digits and diabetes, read from the class path with their feature and class
 * names; origins and licences are in {@code ATTRIBUTION.md} beside them. May import jgrad-core
 * and {@code org.jgrad.data.csv}.
 */
package org.jgrad.datasets;
