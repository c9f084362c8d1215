package org.jgrad.data;

import java.util.List;

/** A column of numbers, each becoming one feature as it is. */
public record NumericColumn(String name) implements Column {

    @Override
    public int width() {
        return 1;
    }

    @Override
    public List<String> featureNames() {
        return List.of(name);
    }

    @Override
    public void encode(String cell, float[] row, int offset) {
        row[offset] = (float) Cells.parse(name, cell);
    }
}
