package org.jgrad.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.jgrad.nn.Module;
import org.jgrad.nn.Sequential;

/**
 * A module tree as JSON and back: each module is {@code {"type":…, settings…}}, a {@link
 * Sequential} {@code {"type":"Sequential","layers":[…]}}, e.g.
 *
 * <pre>
 * {"type":"Sequential","layers":[{"type":"Linear","inFeatures":4,"outFeatures":3,"bias":true,
 *  "weightNoise":0.0},{"type":"ReLU"}]}
 * </pre>
 *
 * The layer types are the closed list of {@link LayerCodecs}; a module of another class cannot be
 * saved, and an unknown type cannot be loaded. Errors name the module by its path in the tree,
 * as {@link Module#namedModules()} does ({@code 0}, {@code 1.2}).
 */
final class Architecture {

    private static final String SEQUENTIAL = "Sequential";
    private static final Map<Class<?>, LayerCodec<?>> BY_CLASS = new LinkedHashMap<>();
    private static final Map<String, LayerCodec<?>> BY_TYPE = new LinkedHashMap<>();

    static {
        for (LayerCodec<?> codec : LayerCodecs.ALL) {
            BY_CLASS.put(codec.moduleClass(), codec);
            BY_TYPE.put(codec.type(), codec);
        }
    }

    /** Values of parameters and buffers the layers decoded so far may still take. */
    private long budget;

    private Architecture(long budget) {
        this.budget = budget;
    }

    /** The classes that can be saved: every codec's, and {@link Sequential}. */
    static List<Class<?>> savableClasses() {
        List<Class<?>> classes = new ArrayList<>(BY_CLASS.keySet());
        classes.add(Sequential.class);
        return classes;
    }

    /** {@code model} as JSON; fails naming the first module whose class has no codec. */
    static Json.Obj encode(Module model) {
        return encode(model, "");
    }

    private static Json.Obj encode(Module module, String path) {
        Json.Obj json = Json.object();
        if (module instanceof Sequential sequential) {
            List<Json> layers = new ArrayList<>();
            for (int i = 0; i < sequential.size(); i++) {
                layers.add(encode(sequential.get(i), child(path, i)));
            }
            return json.with("type", Json.of(SEQUENTIAL)).with("layers", Json.array(layers));
        }
        LayerCodec<?> codec = BY_CLASS.get(module.getClass());
        if (codec == null) {
            throw new IllegalArgumentException("cannot save " + where(path) + " of class " + module.getClass().getName()
                    + ": a model file holds only " + knownTypes());
        }
        json = json.with("type", Json.of(codec.type()));
        for (var setting : located(path, codec.type(), () -> codec.settings(module)).members().entrySet()) {
            json = json.with(setting.getKey(), setting.getValue());
        }
        return json;
    }

    /**
     * The module {@code json} describes, its parameters freshly initialized; fails naming the
     * module and the problem. Its layers' parameters and buffers may take at most {@code
     * stateBudget} values together, a bound derived from the file, so that a small file cannot
     * make the loader allocate gigabytes.
     */
    static Module decode(Json json, long stateBudget) {
        return new Architecture(stateBudget).decode(json, "");
    }

    private Module decode(Json json, String path) {
        if (!(json instanceof Json.Obj object)) {
            throw new IllegalArgumentException(where(path) + ": expected an object with a 'type', got " + json.kind());
        }
        if (!(object.get("type") instanceof Json.Str typeName)) {
            throw new IllegalArgumentException(where(path) + ": expected a string 'type', got "
                    + (object.get("type") == null ? "none" : object.get("type").kind()));
        }
        String type = typeName.value();
        LayerConfig config = new LayerConfig(object);
        if (type.equals(SEQUENTIAL)) {
            List<Json> layers = located(path, type, () -> {
                List<Json> items = config.array("layers");
                config.requireAllRead();
                return items;
            });
            Module[] children = new Module[layers.size()];
            for (int i = 0; i < children.length; i++) {
                children[i] = decode(layers.get(i), child(path, i));
            }
            return new Sequential(children);
        }
        LayerCodec<?> codec = BY_TYPE.get(type);
        if (codec == null) {
            throw new IllegalArgumentException(where(path) + " has unknown type '" + type + "' (known: "
                    + knownTypes() + ")");
        }
        return located(path, type, () -> {
            long size = codec.stateSize(config);
            if (size > budget) {
                throw new IllegalArgumentException("its parameters and buffers would take " + size
                        + " values, but the file can fill at most " + budget + " more");
            }
            budget -= size;
            Module module = codec.build(config);
            config.requireAllRead();
            return module;
        });
    }

    /** Runs {@code step}, prefixing its error with the module it concerns. */
    private static <T> T located(String path, String type, Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where(path) + " (" + type + "): " + e.getMessage(), e);
        }
    }

    /** The type names, sorted: {@code BatchNorm1d, Dropout, …}. */
    private static String knownTypes() {
        TreeSet<String> types = new TreeSet<>(BY_TYPE.keySet());
        types.add(SEQUENTIAL);
        return String.join(", ", types);
    }

    private static String child(String path, int index) {
        return path.isEmpty() ? Integer.toString(index) : path + "." + index;
    }

    private static String where(String path) {
        return path.isEmpty() ? "the root module" : "module '" + path + "'";
    }
}
