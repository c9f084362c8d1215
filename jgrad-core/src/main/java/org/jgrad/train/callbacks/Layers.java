package org.jgrad.train.callbacks;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jgrad.nn.Module;

/** The layers that the diagnostics watch: a model's leaf modules, the ones that compute. */
final class Layers {

    private Layers() {
    }

    /** The modules of {@code model} without children, by dotted name, in registration (for a Sequential, forward) order. */
    static Map<String, Module> leaves(Module model) {
        Map<String, Module> leaves = new LinkedHashMap<>();
        model.namedModules().forEach((name, module) -> {
            if (module.children().isEmpty()) {
                leaves.put(name, module);
            }
        });
        return leaves;
    }

    /** A layer's name in reports: its dotted name, or {@code model} for a model that is one layer. */
    static String name(String dottedName) {
        return dottedName.isEmpty() ? "model" : dottedName;
    }

    /** A layer as messages name it, e.g. {@code '3' (Sigmoid)}. */
    static String describe(String dottedName, Module module) {
        return "'" + name(dottedName) + "' (" + module.getClass().getSimpleName() + ")";
    }
}
