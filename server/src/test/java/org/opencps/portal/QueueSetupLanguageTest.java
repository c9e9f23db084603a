package org.opencps.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.ipp.PrintQueues;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The queue page's setup steps for each system are written in the page's language around the queue's own address. */
@OpenCpsTest
class QueueSetupLanguageTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired PrintQueues queues;

    @Test
    void eachSystemsStepsAreInThePagesLanguageWithTheQueuesAddress() throws Exception {
        var person = world.person(world.customer(world.root(), "Einrichtung GmbH"), FixedRole.CUSTOMER_USER);
        URI queue = URI.create(queues.setup(person.actor()).printerUri());
        String authority = queue.getHost() + ":" + queue.getPort();

        String german = queuePage(person, "de");
        assertThat(german).contains("Oder unter Systemeinstellungen &gt; Drucker &amp; Scanner",
                "Adresse " + authority + ", Protokoll IPP, Warteschlange " + queue.getPath(),
                "Dieses System sendet kein Passwort", "&lt;geheime Warteschlangen-URL&gt;",
                "Host " + queue.getHost() + ", Port " + queue.getPort() + ", Ressourcenpfad " + queue.getPath())
                .doesNotContain("System Settings", "Connected devices");

        String japanese = queuePage(person, "ja");
        assertThat(japanese).contains("\u300c\u30b7\u30b9\u30c6\u30e0\u8a2d\u5b9a\u300d", "\u30a2\u30c9\u30ec\u30b9\u306b " + authority)
                .doesNotContain("System Settings", "Connected devices");

        assertThat(queuePage(person, "en")).contains("Or in System Settings &gt; Printers &amp; Scanners",
                "queue " + queue.getPath());
    }

    private String queuePage(World.Person person, String language) throws Exception {
        return mvc.perform(get("/queue").with(authentication(new ActorAuthentication(person.actor())))
                .header("Accept-Language", language)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
