/**
 * A chart as a standalone SVG file. The page styles its charts from stylesheets, which an
 * exported file does not carry, so the painting properties each element ends up with
 * (its computed style) are written onto the copy as attributes: the file looks like the page.
 */

/** The presentation properties an exported chart needs (SVG 1.1 §6.4 presentation attributes). */
const PAINT = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'stroke-linejoin',
  'stroke-linecap', 'opacity', 'font-family', 'font-size', 'font-weight', 'text-anchor', 'dominant-baseline',
  'paint-order', 'visibility',
] as const;

/** The chart's size in CSS pixels: its viewBox, else its rendered box. */
export function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  const vb = svg.getAttribute('viewBox')?.split(/[\s,]+/).map(Number);
  if (vb && vb.length === 4 && vb.every(Number.isFinite) && vb[2] > 0 && vb[3] > 0) return { width: vb[2], height: vb[3] };
  const r = svg.getBoundingClientRect();
  return { width: Math.max(1, Math.round(r.width)), height: Math.max(1, Math.round(r.height)) };
}

/** A copy of `svg` with computed paint inlined and an explicit size and white background. */
function standaloneSvg(svg: SVGSVGElement): SVGSVGElement {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const view = svg.ownerDocument.defaultView;
  if (view) {
    const from = [svg, ...svg.querySelectorAll('*')];
    const to = [copy, ...copy.querySelectorAll('*')];
    from.forEach((el, i) => {
      const style = view.getComputedStyle(el);
      const target = to[i];
      for (const p of PAINT) {
        const v = style.getPropertyValue(p);
        if (v !== '') target.setAttribute(p, v);
      }
      // Transitions and classes mean nothing in a file; drop them so viewers paint plainly.
      target.removeAttribute('class');
    });
  }
  const { width, height } = svgSize(svg);
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.removeAttribute('style');
  const bg = svg.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', '#ffffff');
  copy.insertBefore(bg, copy.firstChild);
  return copy;
}

/** The chart as SVG text (an XML declaration, then the standalone copy). */
export function svgText(svg: SVGSVGElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(standaloneSvg(svg))}\n`;
}
