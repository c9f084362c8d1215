/**
 * The training progress bar, kept out of jgrad-core because it needs a terminal library
 * (me.tongfei's progressbar, which detects terminals through JLine).
 */
module org.jgrad.progress {
    requires transitive org.jgrad.core;
    requires me.tongfei.progressbar;

    exports org.jgrad.train.progress;
}
