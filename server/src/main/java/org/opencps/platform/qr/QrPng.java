package org.opencps.platform.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;

/** A QR code as a black-on-white PNG, with the quiet zone around it that phone cameras need. */
public final class QrPng {

    private static final int MODULE_PIXELS = 8;
    private static final int QUIET_ZONE_MODULES = 4;

    private QrPng() {
    }

    public static byte[] of(String text) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
            int modules = matrix.getWidth() + 2 * QUIET_ZONE_MODULES;
            int size = modules * MODULE_PIXELS;
            var image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int mx = x / MODULE_PIXELS - QUIET_ZONE_MODULES;
                    int my = y / MODULE_PIXELS - QUIET_ZONE_MODULES;
                    boolean dark = mx >= 0 && my >= 0 && mx < matrix.getWidth() && my < matrix.getHeight() && matrix.get(mx, my);
                    image.setRGB(x, y, dark ? 0x000000 : 0xFFFFFF);
                }
            }
            var png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (WriterException e) {
            throw new IllegalStateException("could not encode the QR code", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
