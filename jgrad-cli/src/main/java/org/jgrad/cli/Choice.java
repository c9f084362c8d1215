package org.jgrad.cli;

import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads an option's value as one of an enum's constants, written as their {@code toString()}. */
class Choice<E extends Enum<E>> implements ITypeConverter<E> {

    private final Class<E> type;

    Choice(Class<E> type) {
        this.type = type;
    }

    @Override
    public E convert(String text) {
        for (E constant : type.getEnumConstants()) {
            if (constant.toString().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        throw new TypeConversionException("'" + text + "' is not one of " + Arrays.stream(type.getEnumConstants())
                .map(Object::toString).collect(Collectors.joining(", ")));
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
