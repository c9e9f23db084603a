package org.opencps.ipp.internal.infra;

import com.hp.jipp.encoding.Attribute;
import com.hp.jipp.encoding.AttributeGroup;
import com.hp.jipp.encoding.Text;
import com.hp.jipp.model.PrinterState;
import com.hp.jipp.model.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencps.devices.DeviceStatus;
import org.opencps.devices.PrinterStateReport;

/**
 * The printer attributes of an Update-Output-Device-Attributes, read leniently: a proxy reports
 * what its printer says, so a state attribute the device status cannot keep (a wrong syntax, a
 * state other than idle, processing or stopped, a reason that is not a keyword, more than
 * {@link PrinterStateReport#MAX_REASONS} reasons) is left out and answered as unsupported, and a
 * long message is cut, rather than the whole update refused. Marker and supply levels have no
 * place in the device status: they are only kept for Get-Output-Device-Attributes.
 */
record OutputDeviceUpdate(PrinterStateReport report, List<Attribute<?>> kept, List<Attribute<?>> unsupported) {

    static OutputDeviceUpdate read(AttributeGroup printer) {
        Map<String, Attribute<?>> kept = new LinkedHashMap<>();
        if (printer != null) {
            printer.forEach(attribute -> kept.put(attribute.getName(), attribute));
        }
        List<Attribute<?>> unsupported = new ArrayList<>();
        PrinterStateReport.State state = kept.containsKey(Types.printerState.getName()) ? state(printer, kept, unsupported) : null;
        List<String> reasons = kept.containsKey(Types.printerStateReasons.getName()) ? reasons(printer, kept, unsupported) : null;
        String message = kept.containsKey(Types.printerStateMessage.getName()) ? message(printer, kept, unsupported) : null;
        return new OutputDeviceUpdate(new PrinterStateReport(state, reasons, message), List.copyOf(kept.values()), unsupported);
    }

    private static PrinterStateReport.State state(AttributeGroup printer, Map<String, Attribute<?>> kept, List<Attribute<?>> unsupported) {
        List<PrinterState> values = printer.getValues(Types.printerState);
        PrinterStateReport.State state = values.size() != 1 || kept.get(Types.printerState.getName()).size() != 1 ? null
                : switch (values.getFirst().getCode()) {
                    case 3 -> PrinterStateReport.State.IDLE;
                    case 4 -> PrinterStateReport.State.PROCESSING;
                    case 5 -> PrinterStateReport.State.STOPPED;
                    default -> null;
                };
        if (state == null) {
            unsupported.add(kept.remove(Types.printerState.getName()));
        }
        return state;
    }

    /** The keywords that can be kept, up to the limit; the others go back as unsupported. */
    private static List<String> reasons(AttributeGroup printer, Map<String, Attribute<?>> kept, List<Attribute<?>> unsupported) {
        List<String> values = printer.getValues(Types.printerStateReasons);
        if (values.size() != kept.get(Types.printerStateReasons.getName()).size()) {
            unsupported.add(kept.remove(Types.printerStateReasons.getName()));
            return null;
        }
        List<String> reasons = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (String value : values) {
            (PrinterStateReport.isReason(value) && reasons.size() < PrinterStateReport.MAX_REASONS ? reasons : left).add(value);
        }
        if (!left.isEmpty()) {
            unsupported.add(Types.printerStateReasons.of(left));
            kept.put(Types.printerStateReasons.getName(), Types.printerStateReasons.of(reasons.isEmpty() ? List.of("none") : reasons));
        }
        return reasons;
    }

    /** Control characters become spaces and the text is cut to what the device status keeps. */
    private static String message(AttributeGroup printer, Map<String, Attribute<?>> kept, List<Attribute<?>> unsupported) {
        List<Text> values = printer.getValues(Types.printerStateMessage);
        if (values.size() != 1 || kept.get(Types.printerStateMessage.getName()).size() != 1) {
            unsupported.add(kept.remove(Types.printerStateMessage.getName()));
            return null;
        }
        String text = values.getFirst().getValue().codePoints()
                .map(c -> Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (text.length() > DeviceStatus.MAX_MESSAGE_LENGTH) {
            int end = DeviceStatus.MAX_MESSAGE_LENGTH;
            text = text.substring(0, Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end).strip();
        }
        kept.put(Types.printerStateMessage.getName(), Types.printerStateMessage.of(text));
        return text;
    }
}
