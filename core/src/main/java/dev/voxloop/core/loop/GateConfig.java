package dev.voxloop.core.loop;

import java.time.Duration;
import java.util.List;

/**
 * What the gates check in one run. Blank commands are skipped (reported as passed, "not configured").
 *
 * @param baseRef           commit the change is measured against (the base branch tip when the run started)
 * @param coverageReport    JaCoCo XML written by the coverage command, relative to the workspace
 * @param coverageThreshold percent of changed executable lines that must be covered
 * @param criteria          the ticket's acceptance criteria, as filed
 */
public record GateConfig(String testCommand, String lintCommand, String coverageCommand, String coverageReport,
                         int coverageThreshold, String baseRef, List<String> criteria, Duration commandTimeout) {

    public GateConfig {
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
        coverageReport = coverageReport == null || coverageReport.isBlank() ? "target/site/jacoco/jacoco.xml"
                : coverageReport;
        commandTimeout = commandTimeout == null ? Duration.ofMinutes(15) : commandTimeout;
    }

    /** The same gates measured against another base commit (the branch was brought up to date). */
    public GateConfig withBase(String base) {
        return new GateConfig(testCommand, lintCommand, coverageCommand, coverageReport, coverageThreshold, base,
                criteria, commandTimeout);
    }
}
