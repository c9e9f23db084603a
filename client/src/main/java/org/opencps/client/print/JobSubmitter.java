package org.opencps.client.print;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.opencps.client.http.ApiClient;

/**
 * Submits one file as a held job: POST /api/v1/jobs with the file as the raw body. The body is read
 * from disk as it is sent, so a file of any size passes through a small buffer. Never retried: a
 * second attempt could make a second job.
 */
final class JobSubmitter {

    private final ApiClient api;

    JobSubmitter(ApiClient api) {
        this.api = api;
    }

    SubmittedJob submit(Path file, PrintTicket ticket) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher body;
        try {
            body = HttpRequest.BodyPublishers.ofFile(file);
        } catch (FileNotFoundException e) {
            throw new FileNotFoundException(file + " does not exist or cannot be read");
        }
        var request = api.request("/api/v1/jobs" + ticket.query())
                .header("Content-Type", DocumentTypes.of(file))
                .POST(body);
        return api.exchange(request, SubmittedJob.class);
    }
}
