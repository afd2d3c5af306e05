package io.vortex.notify;

import static io.vortex.platform.Checks.requireText;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Set;

/**
 * Where to send a notification when an event happens to a DAG's runs or tasks. Users create one
 * per DAG, or with no DAG as the default for every DAG without its own for that event; they enable,
 * disable and delete it. It names the DAG rather than referencing it, so it survives the DAG file
 * being removed and added again.
 */
@Entity
@Table(name = "callback_config")
public class CallbackConfig {

    /** The events, as in Airflow's {@code on_*_callback} arguments. */
    public static final Set<String> EVENTS = Set.of("on_success", "on_failure", "on_retry", "on_sla_miss");
    public static final Set<String> CHANNELS = Set.of("webhook", "slack", "email");

    @Id
    @SequenceGenerator(name = "callback_config_seq", sequenceName = "callback_config_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "callback_config_seq")
    private Long id;

    @Version
    private long version;

    /** {@code null}: the global default. */
    @Column(name = "dag_id", updatable = false, length = 250)
    private String dagId;

    @Column(name = "event", nullable = false, updatable = false, length = 50)
    private String event;

    @Column(name = "channel", nullable = false, length = 20)
    private String channel;

    /** A URL for webhook and Slack, a comma-separated address list for e-mail. */
    @Column(name = "target", nullable = false, length = 2000)
    private String target;

    @Column(name = "enabled", nullable = false)
    private boolean enabled = true;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected CallbackConfig() {
        // for JPA
    }

    /**
     * Creates an enabled callback.
     *
     * @param dagId   the DAG, or {@code null} for the global default
     * @param event   one of {@link #EVENTS}
     * @param channel one of {@link #CHANNELS}
     */
    public CallbackConfig(String dagId, String event, String channel, String target, OffsetDateTime createdAt) {
        if (dagId != null && dagId.isBlank()) {
            throw new IllegalArgumentException("dag_id must be null (global default) or a DAG id, was blank");
        }
        if (!EVENTS.contains(event)) {
            throw new IllegalArgumentException("event must be one of " + EVENTS + ", was " + event);
        }
        if (!CHANNELS.contains(channel)) {
            throw new IllegalArgumentException("channel must be one of " + CHANNELS + ", was " + channel);
        }
        requireText(target, "target");
        this.dagId = dagId;
        this.event = event;
        this.channel = channel;
        this.target = target;
        this.createdAt = Objects.requireNonNull(createdAt, "created_at");
    }

    public void enable() {
        enabled = true;
    }

    public void disable() {
        enabled = false;
    }

    public Long getId() {
        return id;
    }

    public String getDagId() {
        return dagId;
    }

    public boolean isGlobalDefault() {
        return dagId == null;
    }

    public String getEvent() {
        return event;
    }

    public String getChannel() {
        return channel;
    }

    public String getTarget() {
        return target;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
