package org.opencps.ipp.internal.protocol;

import com.hp.jipp.encoding.Attribute;
import com.hp.jipp.encoding.AttributeGroup;
import com.hp.jipp.encoding.AttributeType;
import com.hp.jipp.model.Status;
import java.util.List;
import java.util.Optional;

/**
 * Typed reads of request attributes. An attribute sent with the wrong syntax or the wrong number
 * of values is the client's error (client-error-bad-request for operation attributes, RFC 8011 §4.1.7).
 */
public final class RequestAttributes {

    private final AttributeGroup group;

    public RequestAttributes(AttributeGroup group) {
        this.group = group;
    }

    public boolean has(String name) {
        return group != null && group.get(name) != null;
    }

    /** The single value of an attribute, if sent; bad-request when it has another syntax or several values. */
    public <T> Optional<T> single(AttributeType<T> type) {
        if (!has(type.getName())) {
            return Optional.empty();
        }
        Attribute<?> attribute = group.get(type.getName());
        T value = group.getValue(type);
        if (value == null || attribute.size() != 1) {
            throw new IppStatusException(Status.clientErrorBadRequest, "'" + type.getName() + "' has a wrong syntax or value count");
        }
        return Optional.of(value);
    }

    /** All values of an attribute, if sent; bad-request when any has another syntax. */
    public <T> List<T> all(AttributeType<T> type) {
        if (!has(type.getName())) {
            return List.of();
        }
        List<T> values = group.getValues(type);
        if (values.size() != group.get(type.getName()).size()) {
            throw new IppStatusException(Status.clientErrorBadRequest, "'" + type.getName() + "' has a wrong syntax");
        }
        return values;
    }

    public <T> T required(AttributeType<T> type) {
        return single(type).orElseThrow(() ->
                new IppStatusException(Status.clientErrorBadRequest, "the operation attribute '" + type.getName() + "' is missing"));
    }
}
