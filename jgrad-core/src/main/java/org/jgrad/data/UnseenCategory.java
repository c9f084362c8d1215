package org.jgrad.data;

/** What a {@link OneHotEncoder} does with a value it did not see when it was fitted. */
public enum UnseenCategory {
    /** Fail, naming the column and the value: the safe default. */
    ERROR,
    /** Encode it as all zeros, as scikit-learn's {@code handle_unknown="ignore"}. */
    ZEROS
}
