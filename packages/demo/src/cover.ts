import { prng } from "./synth";

/**
 * Album art for the demo catalog, drawn by ffmpeg's video sources: a colour field, Conway's life,
 * a cellular automaton or a Mandelbrot zoom, each in the album's own two colours.
 */

const SIZE = 600;

type Rgb = readonly [number, number, number];

function hslToRgb(hue: number, saturation: number, lightness: number): Rgb {
  const chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
  const x = chroma * (1 - Math.abs(((hue / 60) % 2) - 1));
  const m = lightness - chroma / 2;
  const [r, g, b] =
    hue < 60
      ? [chroma, x, 0]
      : hue < 120
        ? [x, chroma, 0]
        : hue < 180
          ? [0, chroma, x]
          : hue < 240
            ? [0, x, chroma]
            : hue < 300
              ? [x, 0, chroma]
              : [chroma, 0, x];
  const byte = (channel: number): number => Math.round((channel + m) * 255);
  return [byte(r), byte(g), byte(b)];
}

/** An ffmpeg lavfi graph whose single output [cover] is one 600x600 frame. */
export function coverFilter(seed: number, styleIndex: number): string {
  const random = prng(seed);
  const hue = Math.floor(random() * 360);
  const light = hslToRgb(hue, 0.55 + random() * 0.3, 0.62 + random() * 0.1);
  const dark = hslToRgb((hue + 150 + random() * 60) % 360, 0.5 + random() * 0.3, 0.16 + random() * 0.1);
  const twoColour = (bright: Rgb, dim: Rgb): string =>
    "lutrgb=" +
    ["r", "g", "b"]
      .map((channel, index) => `${channel}='if(gt(val\\,127)\\,${bright[index]}\\,${dim[index]})'`)
      .join(":");
  const finish = "vignette=PI/5,format=yuvj420p[cover]";

  switch (styleIndex % 4) {
    case 0: {
      // Soft interference field blending the two colours.
      const [a, b, c] = [20 + random() * 40, 25 + random() * 50, 12 + random() * 30];
      const mix = `(0.5+0.5*sin(X/${a.toFixed(1)}+Y/${b.toFixed(1)}+2*sin(hypot(X-300\\,Y-300)/${c.toFixed(1)})))`;
      const channel = (index: number) =>
        `${dark[index]}+(${(light[index] ?? 0) - (dark[index] ?? 0)})*${mix}`;
      return `nullsrc=s=${SIZE}x${SIZE}:d=1,format=gbrp,geq=r='${channel(0)}':g='${channel(1)}':b='${channel(2)}',${finish}`;
    }
    case 1: {
      // A Game of Life colony after a few dozen generations, as chunky pixels.
      const generations = 20 + Math.floor(random() * 40);
      return (
        `life=s=60x60:seed=${Math.floor(random() * 1e6)}:ratio=${(0.2 + random() * 0.3).toFixed(2)}:` +
        `mold=0:life_color=white:death_color=black,select='eq(n\\,${generations})',` +
        `format=rgb24,${twoColour(light, dark)},scale=${SIZE}:${SIZE}:flags=neighbor,${finish}`
      );
    }
    case 2: {
      // An elementary cellular automaton (Wolfram rules with rich structure).
      const rule = [30, 45, 73, 90, 105, 110, 150][Math.floor(random() * 7)] ?? 30;
      return (
        `cellauto=s=120x120:rule=${rule}:seed=${Math.floor(random() * 1e6)}:random_fill_ratio=0.5:scroll=1,` +
        `select='eq(n\\,160)',format=rgb24,${twoColour(light, dark)},` +
        `scale=${SIZE}:${SIZE}:flags=neighbor,${finish}`
      );
    }
    default: {
      // A zoom into one of the Mandelbrot set's well-known neighbourhoods, hue-shifted.
      const spots: readonly (readonly [number, number, number])[] = [
        [-0.743643887, 0.131825904, 0.01],
        [-0.7453, 0.1127, 0.0065],
        [-0.16, 1.0405, 0.026],
        [-1.25066, 0.02012, 0.0017],
        [0.2549, 0.0005, 0.0125],
      ];
      const [x, y, scale] = spots[Math.floor(random() * spots.length)] ?? [-0.5, 0, 1];
      return (
        `mandelbrot=s=${SIZE}x${SIZE}:start_x=${x}:start_y=${y}:start_scale=${scale}:maxiter=400,` +
        `hue=h=${hue}:s=${(1 + random() * 0.5).toFixed(2)},${finish}`
      );
    }
  }
}
