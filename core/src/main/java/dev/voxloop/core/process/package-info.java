/**
 * Running a child process, the one way every module does it: {@link dev.voxloop.core.process.Command} says what to
 * run (arguments, directory, environment, input, time limit), {@link dev.voxloop.core.process.Exit} is what came
 * of it (exit code, captured output, whether the time ran out). A command that runs out of time, or whose caller
 * is interrupted, is killed with every process it started ({@link dev.voxloop.core.process.ProcessTree}).
 *
 * <p>This is the one corner of {@code core} that is plumbing rather than domain: every adapter module runs child
 * processes (ffmpeg, whisper, git, test commands, agents) and may depend on {@code core} only, so the runner lives
 * here, on the JDK alone.
 */
package dev.voxloop.core.process;
