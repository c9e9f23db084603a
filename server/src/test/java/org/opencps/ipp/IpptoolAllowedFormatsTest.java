package org.opencps.ipp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.platform.ids.OrgId;
import org.opencps.printing.DocumentFormat;
import org.opencps.printing.PrintAdministration;
import org.opencps.printing.PrintSettings;
import org.opencps.testing.World;
import org.opencps.testing.peers.Ipptool;
import org.opencps.testing.peers.IpptoolReport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** CUPS's ipptool meets a queue of an organization that accepts only PDF (src/test/resources/ipp/allowed-formats.test). */
@IppServerTest
class IpptoolAllowedFormatsTest {

    @LocalServerPort int port;
    @Autowired World world;
    @Autowired PrintQueues queues;
    @Autowired PrintAdministration printAdministration;

    @Test
    void ipptoolSeesOnlyPdfOfferedAndValidateJobRefusingJpeg() throws Exception {
        OrgId org = world.customer(world.root(), Ipp.unique("Pdf Only Co"));
        var admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        printAdministration.updateSettings(admin, org, new PrintSettings(true, false, false, null, Set.of(DocumentFormat.PDF)));
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        URI queue = URI.create("ipp://127.0.0.1:" + port + "/ipp/secret/" + queues.newSecret(person.actor()).secret());

        IpptoolReport report = Ipptool.against(queue)
                .run(Path.of(IpptoolAllowedFormatsTest.class.getResource("/ipp/allowed-formats.test").toURI()).toString());

        assertThat(report.problems()).isEmpty();
        assertThat(report.passed()).hasSize(3);
    }
}
