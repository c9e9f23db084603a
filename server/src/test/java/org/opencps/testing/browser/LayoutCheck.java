package org.opencps.testing.browser;

import java.util.List;

/**
 * What a page's layout breaks when its texts get longer (German compounds) or differently broken
 * (Japanese): the page scrolling sideways, a text running out of its box (a button, a heading,
 * a table cell, a label), or a badge (a job's state) breaking onto a second line. Tables may
 * scroll inside a container made for it.
 */
public final class LayoutCheck {

    private static final String SCRIPT = """
            const found = [];
            const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                + ' "' + (el.innerText || '').trim().slice(0, 40) + '"';
            if (document.documentElement.scrollWidth > window.innerWidth + 1) {
              const clips = el => ['auto', 'scroll', 'hidden'].includes(getComputedStyle(el).overflowX);
              const outside = el => el.getBoundingClientRect().right > window.innerWidth + 1;
              const beyond = [...document.querySelectorAll('body *')]
                .filter(el => outside(el) && el.parentElement && !outside(el.parentElement) && !clips(el.parentElement))
                .slice(0, 4).map(el => describe(el) + ' in ' + describe(el.parentElement));
              found.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + 'px in ' + window.innerWidth
                + 'px, because of ' + beyond.join(', '));
            }
            const boxes = 'button, a.button, th, td, label, legend, summary, h1, h2, h3, dt, dd, nav a, .tag';
            for (const el of document.querySelectorAll(boxes)) {
              const style = getComputedStyle(el);
              if (el.offsetParent === null || style.display === 'inline' || el.closest('pre, code, .visually-hidden')) {
                continue;
              }
              if (el.scrollWidth > el.clientWidth + 1) {
                found.push('text runs out of ' + describe(el) + ': ' + el.scrollWidth + 'px in ' + el.clientWidth + 'px');
              }
            }
            for (const badge of document.querySelectorAll('.badge')) {
              if (badge.offsetParent === null) {
                continue;
              }
              const text = document.createRange();
              text.selectNodeContents(badge);
              const lines = new Set([...text.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
              if (lines.size > 1) {
                found.push('badge ' + describe(badge) + ' wraps onto ' + lines.size + ' lines');
              }
            }
            for (const table of document.querySelectorAll('table')) {
              const box = table.parentElement;
              const scrolls = ['auto', 'scroll'].includes(getComputedStyle(box).overflowX);
              if (table.offsetParent !== null && !scrolls && table.scrollWidth > box.clientWidth + 1) {
                found.push('table in ' + describe(box) + ' is wider than its box: ' + table.scrollWidth + 'px in ' + box.clientWidth + 'px');
              }
            }
            return found;""";

    private LayoutCheck() {
    }

    /** The breaks on the page the browser shows, each described; empty when the layout holds. */
    @SuppressWarnings("unchecked")
    public static List<String> breaks(Browser browser) {
        return (List<String>) browser.script(SCRIPT);
    }
}
