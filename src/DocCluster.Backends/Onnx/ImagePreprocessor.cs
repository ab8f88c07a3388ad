using System;
using DocCluster.Features.Models;
using DocCluster.Imaging;

namespace DocCluster.Backends.Onnx
{
    /// <summary>
    /// Managed preprocessing for ONNX image models: Squash or CenterCrop, antialiased (triangle-filter, PIL-style)
    /// resampling, channel order, (pixel*scale - mean)/std, NCHW float layout.
    /// </summary>
    internal static class ImagePreprocessor
    {
        /// <summary>NCHW tensor data (batch 1) for <paramref name="image"/> according to <paramref name="spec"/>.</summary>
        public static float[] ToTensor(RasterImage image, OnnxModelSpec spec)
        {
            int w = spec.InputWidth, h = spec.InputHeight;
            double sx = 0, sy = 0, sw = image.Width, sh = image.Height;
            if (spec.ResizeMode == ResizeMode.CenterCrop)
            {
                // Largest region with the input's aspect, scaled to 87.5 % (ImageNet "resize 256, crop 224"), centred.
                double aspect = (double)w / h;
                double cw = image.Width, ch = cw / aspect;
                if (ch > image.Height) { ch = image.Height; cw = ch * aspect; }
                cw *= 0.875; ch *= 0.875;
                sx = (image.Width - cw) / 2; sy = (image.Height - ch) / 2; sw = cw; sh = ch;
            }
            var rgb = Resample(image, sx, sy, sw, sh, w, h);

            var data = new float[3 * w * h];
            int plane = w * h;
            for (int c = 0; c < 3; c++)
            {
                int src = spec.ChannelOrder == ChannelOrder.Rgb ? c : 2 - c;
                float scale = spec.PixelScale, mean = spec.Mean[c], invStd = 1f / spec.Std[c];
                int o = c * plane;
                for (int i = 0; i < plane; i++)
                    data[o + i] = (rgb[i * 3 + src] * scale - mean) * invStd;
            }
            return data;
        }

        /// <summary>Resamples the source window (sx, sy, sw, sh) to outW x outH, interleaved RGB floats 0..255.</summary>
        internal static float[] Resample(RasterImage image, double sx, double sy, double sw, double sh, int outW, int outH)
        {
            var hc = Coefficients(image.Width, sx, sw, outW);
            var vc = Coefficients(image.Height, sy, sh, outH);
            int yFirst = vc.Start[0], yLast = 0;
            for (int y = 0; y < outH; y++) yLast = Math.Max(yLast, vc.Start[y] + vc.Count[y]);

            // Horizontal pass over the rows the vertical pass needs.
            int rows = yLast - yFirst;
            var tmp = new float[rows * outW * 3];
            var src = image.Rgb;
            int stride = image.Width * 3;
            for (int r = 0; r < rows; r++)
            {
                int rowOff = (yFirst + r) * stride;
                for (int x = 0; x < outW; x++)
                {
                    float a = 0, b = 0, c = 0;
                    int s = hc.Start[x], n = hc.Count[x], wo = x * hc.Taps;
                    for (int k = 0; k < n; k++)
                    {
                        float wt = hc.Weights[wo + k];
                        int p = rowOff + (s + k) * 3;
                        a += src[p] * wt; b += src[p + 1] * wt; c += src[p + 2] * wt;
                    }
                    int t = (r * outW + x) * 3;
                    tmp[t] = a; tmp[t + 1] = b; tmp[t + 2] = c;
                }
            }

            var result = new float[outW * outH * 3];
            for (int y = 0; y < outH; y++)
            {
                int s = vc.Start[y] - yFirst, n = vc.Count[y], wo = y * vc.Taps;
                for (int x = 0; x < outW; x++)
                {
                    float a = 0, b = 0, c = 0;
                    for (int k = 0; k < n; k++)
                    {
                        float wt = vc.Weights[wo + k];
                        int t = ((s + k) * outW + x) * 3;
                        a += tmp[t] * wt; b += tmp[t + 1] * wt; c += tmp[t + 2] * wt;
                    }
                    int o = (y * outW + x) * 3;
                    result[o] = Clamp(a); result[o + 1] = Clamp(b); result[o + 2] = Clamp(c);
                }
            }
            return result;
        }

        private static float Clamp(float v) => v < 0 ? 0 : v > 255 ? 255 : v;

        private sealed class Coeffs
        {
            public int[] Start, Count;
            public float[] Weights;
            public int Taps;
        }

        /// <summary>Triangle (bilinear) filter widened by the downscale factor: area-like averaging when shrinking, bilinear when enlarging.</summary>
        private static Coeffs Coefficients(int inSize, double start, double length, int outSize)
        {
            double scale = length / outSize;
            double filterScale = Math.Max(scale, 1.0);
            double support = filterScale; // triangle support 1, widened
            int taps = (int)Math.Ceiling(support) * 2 + 1;
            var cf = new Coeffs { Start = new int[outSize], Count = new int[outSize], Weights = new float[outSize * taps], Taps = taps };
            for (int x = 0; x < outSize; x++)
            {
                double center = start + (x + 0.5) * scale;
                int lo = Math.Max(0, (int)Math.Floor(center - support));
                int hi = Math.Min(inSize, (int)Math.Ceiling(center + support));
                if (hi - lo > taps) hi = lo + taps;
                double sum = 0;
                int n = 0;
                var w = new double[Math.Max(0, hi - lo)];
                for (int i = lo; i < hi; i++, n++)
                {
                    double d = Math.Abs((i + 0.5 - center) / filterScale);
                    w[n] = d < 1 ? 1 - d : 0;
                    sum += w[n];
                }
                if (sum <= 0)
                {
                    // Degenerate (window outside the image): nearest pixel.
                    int nearest = Math.Min(inSize - 1, Math.Max(0, (int)Math.Floor(center)));
                    cf.Start[x] = nearest; cf.Count[x] = 1; cf.Weights[x * taps] = 1f;
                    continue;
                }
                cf.Start[x] = lo; cf.Count[x] = n;
                for (int k = 0; k < n; k++) cf.Weights[x * taps + k] = (float)(w[k] / sum);
            }
            return cf;
        }
    }
}
