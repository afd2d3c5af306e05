package io.vortex.dag;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * The latest serialized form of one DAG (docs/dag-serialization.md): everything the shim
 * recorded, kept whole so that the API can show fields the {@code dag} table does not have.
 */
@Entity
@Table(name = "serialized_dag")
public class SerializedDag {

    /** The primary key of the {@link Dag} it belongs to. */
    @Id
    @Column(name = "dag_pk")
    private Long dagPk;

    @Column(name = "data", nullable = false)
    private String data;

    @Column(name = "data_hash", nullable = false, length = 64)
    private String dataHash;

    @Column(name = "last_updated", nullable = false)
    private OffsetDateTime lastUpdated;

    protected SerializedDag() {
        // for JPA
    }

    public SerializedDag(Long dagPk, String data, String dataHash, OffsetDateTime lastUpdated) {
        this.dagPk = Objects.requireNonNull(dagPk, "dag_pk");
        replace(data, dataHash, lastUpdated);
    }

    /** Takes a new serialization; false when it is the same as the stored one. */
    public boolean replace(String newData, String newDataHash, OffsetDateTime at) {
        if (newDataHash.equals(dataHash)) {
            return false;
        }
        data = Objects.requireNonNull(newData, "data");
        dataHash = newDataHash;
        lastUpdated = Objects.requireNonNull(at, "last_updated");
        return true;
    }

    public Long getDagPk() {
        return dagPk;
    }

    public String getDataHash() {
        return dataHash;
    }

    public String getData() {
        return data;
    }

    /** The stored serialization, read back. */
    public ParsedDag parsed() {
        try (JsonReader reader = Json.createReader(new StringReader(data))) {
            return new ParsedDag(reader.readObject());
        }
    }

    public OffsetDateTime getLastUpdated() {
        return lastUpdated;
    }
}
