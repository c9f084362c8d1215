package org.jgrad.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jgrad.Rng;

/**
 * A data set divided into training, validation and test parts, each a view of the original
 * (no example is copied) holding its examples in their original order.
 *
 * <pre>{@code
 * Split split = Split.of(data, 0.15, 0.15, new Rng(0));   // 70 / 15 / 15, stratified
 * }</pre>
 */
public record Split(DataSet train, DataSet validation, DataSet test) {

    /**
     * Draws the validation and test parts at random with {@code rng}, the rest being the
     * training part. For classification the split is stratified: each class is split on its
     * own, {@code round(fraction · count)} of its examples going to the test part and as many
     * to the validation part, so every part keeps the class proportions. Either fraction may be
     * 0 (an empty part); together they must stay below 1.
     */
    public static Split of(DataSet data, double validation, double test, Rng rng) {
        List<int[]> groups = data.isClassification() ? classes(data) : List.of(Examples.identity(data.size()));
        return split(data, validation, test, rng, groups);
    }

    /** As {@link #of}, but never stratified: the examples are drawn regardless of their class. */
    public static Split random(DataSet data, double validation, double test, Rng rng) {
        return split(data, validation, test, rng, List.of(Examples.identity(data.size())));
    }

    private static Split split(DataSet data, double validation, double test, Rng rng, List<int[]> groups) {
        checkFraction("validation", validation);
        checkFraction("test", test);
        if (validation + test >= 1) {
            throw new IllegalArgumentException("Split: validation and test fractions must sum below 1 (leaving"
                    + " examples to train on), got " + validation + " + " + test + " = " + (validation + test));
        }
        // part[i]: 0 train, 1 validation, 2 test
        int[] part = new int[data.size()];
        for (int[] group : groups) {
            int[] order = rng.permutation(group.length);
            int toTest = (int) Math.round(test * group.length);
            int toValidation = Math.min((int) Math.round(validation * group.length), group.length - toTest);
            for (int i = 0; i < toTest + toValidation; i++) {
                part[group[order[i]]] = i < toTest ? 2 : 1;
            }
        }
        return new Split(data.subset(members(part, 0)), data.subset(members(part, 1)), data.subset(members(part, 2)));
    }

    private static void checkFraction(String name, double fraction) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("Split: " + name + " fraction must be in [0, 1), got " + fraction);
        }
    }

    /** The indices of each class's examples, classes in index order. */
    private static List<int[]> classes(DataSet data) {
        Map<Long, List<Integer>> byClass = new TreeMap<>();
        long[] targets = data.targets().toLongArray();
        for (int i = 0; i < targets.length; i++) {
            byClass.computeIfAbsent(targets[i], k -> new ArrayList<>()).add(i);
        }
        return byClass.values().stream().map(g -> g.stream().mapToInt(Integer::intValue).toArray()).toList();
    }

    private static int[] members(int[] part, int which) {
        List<Integer> members = new ArrayList<>();
        for (int i = 0; i < part.length; i++) {
            if (part[i] == which) {
                members.add(i);
            }
        }
        return members.stream().mapToInt(Integer::intValue).toArray();
    }
}
