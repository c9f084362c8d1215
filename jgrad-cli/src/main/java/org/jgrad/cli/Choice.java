package org.jgrad.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads an option's value as one of an enum's constants, written in lower case with hyphens ({@code leaky-relu}). */
class Choice<E extends Enum<E>> implements ITypeConverter<E> {

    private final Class<E> type;

    Choice(Class<E> type) {
        this.type = type;
    }

    @Override
    public E convert(String text) {
        for (E constant : type.getEnumConstants()) {
            if (name(constant).equalsIgnoreCase(text)) {
                return constant;
            }
        }
        throw new TypeConversionException("'" + text + "' is not one of " + Arrays.stream(type.getEnumConstants())
                .map(Choice::name).collect(Collectors.joining(", ")));
    }

    /** How the command line writes {@code constant}: lower case, words joined by hyphens. */
    static String name(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Converter for {@code --activation}. */
    static final class ActivationChoice extends Choice<Network.Activation> {
        ActivationChoice() {
            super(Network.Activation.class);
        }
    }

    /** Converter for {@code --optimizer}. */
    static final class OptimizerChoice extends Choice<OptimizerKind> {
        OptimizerChoice() {
            super(OptimizerKind.class);
        }
    }

    /** Converter for {@code --lr-schedule}. */
    static final class ScheduleChoice extends Choice<LrSchedule> {
        ScheduleChoice() {
            super(LrSchedule.class);
        }
    }

    /** Converter for {@code --task}. */
    static final class TaskChoice extends Choice<org.jgrad.data.Task> {
        TaskChoice() {
            super(org.jgrad.data.Task.class);
        }
    }
}
