package org.jgrad.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.TreeSet;
import org.jgrad.nn.Module;
import org.junit.jupiter.api.Test;

/** The closed list of layer codecs keeps up with {@code org.jgrad.nn}. */
class LayerCodecsTest {

    /** Fails when a public layer is added to {@code org.jgrad.nn} without a codec in {@link LayerCodecs}. */
    @Test
    void everyPublicLayerOfNnCanBeSaved() {
        Set<String> layers = new TreeSet<>();
        new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("org.jgrad.nn").stream()
                .filter(c -> c.getPackageName().equals("org.jgrad.nn"))
                .filter(c -> c.isAssignableTo(Module.class))
                .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
                .filter(c -> !c.getModifiers().contains(JavaModifier.ABSTRACT))
                .forEach(c -> layers.add(c.getName()));
        Set<String> savable = new TreeSet<>();
        Architecture.savableClasses().forEach(c -> savable.add(c.getName()));
        assertEquals(layers, savable);
    }

    /** Each type name and each class appears once, so that saving and loading are each other's inverse. */
    @Test
    void typeNamesAndClassesAreUnique() {
        assertEquals(LayerCodecs.ALL.size(), LayerCodecs.ALL.stream().map(LayerCodec::type).distinct().count());
        assertEquals(LayerCodecs.ALL.size(), LayerCodecs.ALL.stream().map(LayerCodec::moduleClass).distinct().count());
    }
}
