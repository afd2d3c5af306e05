package io.vortex.execution;

import io.vortex.dag.TaskSpec;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;

/**
 * When a failed try is retried, computed as Airflow 2.10's {@code TaskInstance.next_retry_datetime}:
 * {@code retry_delay}, or with {@code retry_exponential_backoff} a delay between
 * {@code retry_delay * 2^(try_number - 1)} and twice that, chosen by a hash of the instance so it is
 * the same on every server, capped by {@code max_retry_delay}.
 */
public final class RetryDelay {

    private RetryDelay() {
    }

    /**
     * @param logicalDate the run's logical date as Airflow writes it ({@code 2024-01-01T00:00:00+00:00})
     * @param tryNumber   the try that failed, from 1
     */
    public static Duration after(TaskSpec task, String dagId, String logicalDate, int tryNumber) {
        Duration delay = task.retryDelay();
        if (task.retryExponentialBackoff()) {
            double seconds = delay.toNanos() / 1e9;
            long minBackoff = Math.max(1, (long) Math.ceil(seconds * Math.pow(2, tryNumber - 1)));
            BigInteger hash = new BigInteger(1, sha1(dagId + "#" + task.taskId() + "#" + logicalDate + "#" + tryNumber));
            long backoff = minBackoff + hash.mod(BigInteger.valueOf(minBackoff)).longValueExact();
            delay = Duration.ofSeconds(backoff);
            if (task.maxRetryDelay().isPresent() && task.maxRetryDelay().get().compareTo(delay) < 0) {
                delay = task.maxRetryDelay().get();
            }
        }
        return delay;
    }

    private static byte[] sha1(String text) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-1", e);
        }
    }
}
