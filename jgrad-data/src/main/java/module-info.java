/**
 * Data from files for jgrad: CSV files read into text tables ({@code org.jgrad.data.csv}, with
 * Apache Commons CSV) and the bundled data sets ({@code org.jgrad.datasets}). The encoding of
 * tables into tensors ({@code org.jgrad.data.Schema}) lives in core, which has no dependency.
 */
module org.jgrad.datasets {
    requires transitive org.jgrad.core;
    requires org.apache.commons.csv;

    exports org.jgrad.data.csv;
    exports org.jgrad.datasets;
}
