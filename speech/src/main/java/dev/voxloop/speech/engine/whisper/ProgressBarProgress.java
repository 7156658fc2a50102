package dev.voxloop.speech.engine.whisper;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Shows a download as a terminal progress bar (me.tongfei:progressbar) on stderr. */
public final class ProgressBarProgress implements ModelDownload.Progress {

    private ProgressBar bar;

    @Override
    public void started(String name, long total) {
        bar = new ProgressBarBuilder().setTaskName("Downloading " + name).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" MB", 1_048_576).showSpeed().continuousUpdate()
                .build();
    }

    @Override
    public void advanced(long bytes) {
        bar.stepBy(bytes);
    }

    @Override
    public void finished() {
        if (bar != null) {
            bar.close();
        }
    }
}
