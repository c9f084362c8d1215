package org.jgrad.data;

import java.util.Collection;
import java.util.List;
import org.jgrad.Tensor;

/**
 * One-hot encoding of a categorical column: category {@code i} of {@code k} becomes {@code k}
 * features, all 0 but the {@code i}-th, 1. The categories are learned from the training data
 * and kept, so new data is encoded the same way; a value not among them is an error naming the
 * column and the value, or all zeros with {@link UnseenCategory#ZEROS}.
 */
public final class OneHotEncoder implements Column {

    private final Categories categories;
    private final String name;
    private final UnseenCategory unseen;

    private OneHotEncoder(String name, Categories categories, UnseenCategory unseen) {
        this.name = name;
        this.categories = categories;
        this.unseen = unseen;
    }

    /** Learns the categories of column {@code name} from its (non-missing) {@code cells}, sorted. */
    public static OneHotEncoder fit(String name, Collection<String> cells, UnseenCategory unseen) {
        return new OneHotEncoder(name, Categories.fit("OneHotEncoder", name, cells, false), unseen);
    }

    /** An encoder with these categories, in this order (as saved by a schema). */
    public static OneHotEncoder of(String name, List<String> categories, UnseenCategory unseen) {
        return new OneHotEncoder(name, Categories.of("OneHotEncoder", name, categories, false), unseen);
    }

    @Override
    public String name() {
        return name;
    }

    /** The categories, in feature order. */
    public List<String> categories() {
        return categories.values();
    }

    /** What happens to a value not among the categories. */
    public UnseenCategory unseen() {
        return unseen;
    }

    @Override
    public int width() {
        return categories.values().size();
    }

    /** {@code name=category} for each category. */
    @Override
    public List<String> featureNames() {
        return categories.values().stream().map(c -> name + "=" + c).toList();
    }

    @Override
    public void encode(String cell, float[] row, int offset) {
        int index = categories.indexOf(cell);
        if (index < 0 && unseen == UnseenCategory.ERROR) {
            throw categories.unseen("category", cell);
        }
        for (int i = 0; i < width(); i++) {
            row[offset + i] = i == index ? 1 : 0;
        }
    }

    /** The one-hot rows of {@code cells}: a tensor of shape {@code [cells.size(), width()]}. */
    public Tensor encode(List<String> cells) {
        float[] rows = new float[cells.size() * width()];
        for (int r = 0; r < cells.size(); r++) {
            encode(cells.get(r), rows, r * width());
        }
        return Tensor.of(rows, cells.size(), width());
    }
}
