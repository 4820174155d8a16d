// English stop words of `twindex words`.
//
// Source: the Snowball project's English stop-word list, https://snowballstem.org/algorithms/english/stop.txt
// (174 words; the words only, re-typed here in alphabetical order, its comments left out).
// Entries with an apostrophe (don't, it's) fold to two words in the tokenizer (don, t), and
// both are left out (StopWords.init).
// Licence: the Snowball project's BSD 3-Clause licence (https://snowballstem.org/license.html),
// whose notice follows.
//
// Copyright (c) 2001, Dr Martin Porter; Copyright (c) 2002, Richard Boulton. All rights reserved.
// Redistribution and use in source and binary forms, with or without modification, are permitted
// provided that the following conditions are met: (1) Redistributions of source code must retain
// the above copyright notice, this list of conditions and the following disclaimer. (2)
// Redistributions in binary form must reproduce the above copyright notice, this list of
// conditions and the following disclaimer in the documentation and/or other materials provided
// with the distribution. (3) Neither the name of the copyright holder nor the names of its
// contributors may be used to endorse or promote products derived from this software without
// specific prior written permission.
// THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY EXPRESS OR
// IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND
// FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT OWNER OR
// CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
// DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE,
// DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER
// IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT
// OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.

extension StopWords {
    /// The English list, white-space separated (see the header for its source and licence).
    static let english = """
        a about above after again against all am an and any are aren't as at be because been before
        being below between both but by can't cannot could couldn't did didn't do does doesn't doing
        don't down during each few for from further had hadn't has hasn't have haven't having he he'd
        he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if in into
        is isn't it it's its itself let's me more most mustn't my myself no nor not of off on once only
        or other ought our ours ourselves out over own same shan't she she'd she'll she's should
        shouldn't so some such than that that's the their theirs them themselves then there there's
        these they they'd they'll they're they've this those through to too under until up very was
        wasn't we we'd we'll we're we've were weren't what what's when when's where where's which while
        who who's whom why why's with won't would wouldn't you you'd you'll you're you've your yours
        yourself yourselves
        """
}
