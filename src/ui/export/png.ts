/**
 * A chart as PNG: the standalone SVG text (svg.ts) is loaded as an image from a data: URL —
 * which, unlike a cross-origin image, leaves the canvas readable — drawn on a canvas at
 * `scale` × its size (2 = sharp on high-density screens) and encoded by `canvas.toBlob`.
 */
import { svgSize, svgText } from './svg.js';

export async function svgToPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const { width, height } = svgSize(svg);
  const img = new Image();
  img.decoding = 'sync';
  const loaded = new Promise<void>((ok, fail) => {
    img.onload = () => ok();
    img.onerror = () => fail(new Error('the chart could not be drawn as an image'));
  });
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText(svg))}`;
  await loaded;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw on a canvas');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return new Promise<Blob>((ok, fail) => canvas.toBlob((b) => (b ? ok(b) : fail(new Error('the PNG could not be encoded'))), 'image/png'));
}
