package org.opencps.platform.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencps.documents.DocumentId;
import org.opencps.printing.JobId;
import tools.jackson.databind.json.JsonMapper;

class EntityIdJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final UUID uuid = UUID.fromString("0b6c1c1e-6f4d-4f57-9a53-3c2f0e1d9a11");

    record Body(OrgId org, UserId user, DeviceId device, JobId job) {
    }

    @Test
    void everyIdIsWrittenAndReadAsTheBareUuid() {
        var body = new Body(new OrgId(uuid), new UserId(uuid), new DeviceId(uuid), new JobId(uuid));
        String written = json.writeValueAsString(body);

        assertThat(written).isEqualTo("{\"org\":\"%1$s\",\"user\":\"%1$s\",\"device\":\"%1$s\",\"job\":\"%1$s\"}"
                .formatted(uuid));
        assertThat(json.readValue(written, Body.class)).isEqualTo(body);
    }

    @Test
    void parsingAcceptsOnlyTheCanonicalForm() {
        for (String text : List.of("1-1-1-1-1", "", "0b6c1c1e6f4d4f579a533c2f0e1d9a11")) {
            assertThatThrownBy(() -> OrgId.parse(text)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(DocumentId.parse(uuid.toString()).value()).isEqualTo(uuid);
        assertThat(UserId.of(null)).isNull();
    }
}
