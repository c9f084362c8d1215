package org.jgrad.io;

import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.jgrad.nn.Module;

/**
 * How one layer type is stored in a model file's architecture, both ways side by side: its
 * settings as JSON, and the layer rebuilt from them. Parameters and buffers are not settings;
 * they travel as tensors. {@link #stateSize} tells, before the layer is built, how many values
 * its parameters and buffers will take, so that a file cannot make the loader allocate more
 * than it holds.
 *
 * @param <M> the layer's class
 */
final class LayerCodec<M extends Module> {

    private final String type;
    private final Class<M> moduleClass;
    private final Function<M, Json.Obj> settings;
    private final ToLongFunction<LayerConfig> stateSize;
    private final Function<LayerConfig, M> build;

    private LayerCodec(String type, Class<M> moduleClass, Function<M, Json.Obj> settings,
            ToLongFunction<LayerConfig> stateSize, Function<LayerConfig, M> build) {
        this.type = type;
        this.moduleClass = moduleClass;
        this.settings = settings;
        this.stateSize = stateSize;
        this.build = build;
    }

    /** A layer with parameters or buffers, taking {@code stateSize} values. */
    static <M extends Module> LayerCodec<M> of(String type, Class<M> moduleClass, Function<M, Json.Obj> settings,
            ToLongFunction<LayerConfig> stateSize, Function<LayerConfig, M> build) {
        return new LayerCodec<>(type, moduleClass, settings, stateSize, build);
    }

    /** A layer with settings but no parameters or buffers. */
    static <M extends Module> LayerCodec<M> stateless(String type, Class<M> moduleClass,
            Function<M, Json.Obj> settings, Function<LayerConfig, M> build) {
        return of(type, moduleClass, settings, config -> 0, build);
    }

    /** A layer with neither settings nor state. */
    static <M extends Module> LayerCodec<M> plain(String type, Class<M> moduleClass, Supplier<M> create) {
        return stateless(type, moduleClass, module -> Json.object(), config -> create.get());
    }

    /** The name of the layer type in the file, e.g. {@code Linear}. */
    String type() {
        return type;
    }

    /** The class this codec stores. */
    Class<M> moduleClass() {
        return moduleClass;
    }

    /** The settings of {@code module}, an instance of {@link #moduleClass()}. */
    Json.Obj settings(Module module) {
        return settings.apply(moduleClass.cast(module));
    }

    /** How many values the parameters and buffers of the layer {@code config} describes will take. */
    long stateSize(LayerConfig config) {
        return stateSize.applyAsLong(config);
    }

    /** The layer {@code config} describes, with freshly initialized parameters. */
    M build(LayerConfig config) {
        return build.apply(config);
    }
}
