package io.vortex.api;

import io.vortex.platform.Timestamps;
import jakarta.json.bind.adapter.JsonbAdapter;
import java.time.OffsetDateTime;

/** Every time the API writes, as Airflow writes it: {@code 2024-01-01T00:00:00+00:00}, microseconds when there are any. */
public class AirflowTimeAdapter implements JsonbAdapter<OffsetDateTime, String> {

    @Override
    public String adaptToJson(OffsetDateTime time) {
        return Timestamps.isoformat(time);
    }

    @Override
    public OffsetDateTime adaptFromJson(String text) {
        return OffsetDateTime.parse(text);
    }
}
